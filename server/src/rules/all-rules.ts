// Every cross-section rule, by name.
import type { Rule } from "./rule";
import { corsWildcardCredentials } from "./cors-wildcard-credentials";
import { mtlsMismatch } from "./mtls-mismatch";
import { zeroTrustWithoutMtls } from "./zero-trust-without-mtls";
import { plaintextEndpoint } from "./plaintext-endpoint";
import { retryBudget } from "./retry-budget";
import { unknownService } from "./unknown-service";
import { dependencyCycle } from "./dependency-cycle";
import { duplicateTopic } from "./duplicate-topic";
import { unusedGlobal } from "./unused-global";
import { unknownGlobal } from "./unknown-global";
import { unknownFile } from "./unknown-file";
import { unknownFileKey } from "./unknown-file-key";
import { importCycle } from "./import-cycle";

export const RULES: readonly Rule[] = [
  corsWildcardCredentials, mtlsMismatch, zeroTrustWithoutMtls, plaintextEndpoint, retryBudget,
  unknownService, dependencyCycle, duplicateTopic, unusedGlobal,
  // These need the workspace index, and find nothing in a file checked alone.
  unknownGlobal, unknownFile, unknownFileKey, importCycle,
];
