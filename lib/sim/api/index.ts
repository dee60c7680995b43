// Public surface of lib/sim/api: the API machinery the simulator's apiserver path runs on every write
// (parse → decode → default → admit → validate), plus discovery, quantities and `kubectl explain`.
export { parseManifests, MAX_MANIFEST_BYTES, MAX_DOCUMENTS } from "./manifest";
export type { ManifestDocument, ManifestError, ManifestErrorKind, ParseManifestsResult } from "./manifest";
export {
  resolveKind,
  resolveResourceArg,
  listResources,
  listApiVersions,
  resourcesInCategory,
  formatResourceMappingError,
} from "./resources";
export type { ResolveKindResult, ResolveResourceResult } from "./resources";
export { decodeObject, badRequest } from "./decode";
export type { DecodeResult, DecodeOptions, FieldValidation } from "./decode";
export { applyDefaults, computePodQOSClass, defaultImagePullPolicy } from "./defaults";
export type { DefaultsContext } from "./defaults";
export { admit, forbiddenStatus, notFoundStatus, SERVICE_ACCOUNT_MOUNT_PATH } from "./admission";
export type { AdmissionContext, AdmissionOperation, AdmitResult } from "./admission";
export { validateCreate, validateUpdate, toInvalidStatus, formatFieldError, parseCronSchedule } from "./validation";
export type { CronSchedule, ParseCronResult } from "./validation";
export {
  parseQuantity,
  formatQuantity,
  compareQuantity,
  canonicalQuantity,
  quantityMilliValue,
  quantityValue,
  addQuantity,
  subtractQuantity,
  zeroQuantity,
} from "./quantity";
export type { Quantity, QuantityFormat, ParseQuantityResult } from "./quantity";
export { explain } from "./explain";
export type { ExplainOptions, ExplainResult } from "./explain";
export type { ApiStatus, FieldError, FieldErrorType, KubeObject, ObjectMeta, ResourceInfo, StatusCause, StatusReason } from "./types";
