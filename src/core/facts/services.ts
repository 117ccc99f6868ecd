// Service lifecycle facts: deprecated services and end-of-support dates. Each fact carries the public page it comes from (see fact.ts).
export {};
