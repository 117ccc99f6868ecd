// Amazon Redshift facts. Each fact carries the public page it comes from (see fact.ts).
export {};
