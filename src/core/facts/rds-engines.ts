// Amazon RDS engine versions, instance classes and feature support by engine. Each fact carries the public page it comes from (see fact.ts).
export {};
