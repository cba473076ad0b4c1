// Types for scripts/ensure-system-deps.mjs (plain JavaScript so that `npm test` starts fast).
export declare const DEFAULT_CHROMIUM_PATH: string;
/** The browser every test and script launches: GAOPING_CHROMIUM_PATH, else /usr/bin/chromium. */
export declare function chromiumPath(env?: NodeJS.ProcessEnv): string;
export declare function findMissing(env: NodeJS.ProcessEnv): { pkg: string; why: string }[];
export declare function installCommand(packages: string[], sudo: boolean): string;
/** The set-up step; returns the exit code. */
export declare function ensureSystemDeps(env?: NodeJS.ProcessEnv): number;
