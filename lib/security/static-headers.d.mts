/** Types of static-headers.mjs (plain JavaScript so that next.config.mjs can import it). */
export declare const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
