// Network clients.
import type { CommandImpl } from "./types";
import { wget } from "./wget";
import { curl } from "./curl";
import { nc } from "./nc";
import { nslookup } from "./nslookup";
import { ping } from "./ping";

export const NETWORK_COMMANDS: Record<string, CommandImpl> = { wget, curl, nc, nslookup, ping };
