// Security feature support (IAM authentication, encryption, TLS) by service and engine. Each fact carries the public page it comes from (see fact.ts).
export {};
