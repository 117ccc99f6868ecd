// AWS DMS and schema conversion facts. Each fact carries the public page it comes from (see fact.ts).
export {};
