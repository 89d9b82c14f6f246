export { licenceOf } from './licences';
export {
  parseSelfHostedManifest,
  selfHostedManifestUrl,
  SELF_HOSTED_MANIFEST_PATH,
  type SelfHostedManifestResult,
  type SelfHostedMlcRecord,
  type SelfHostedModels,
} from './self-hosted';
export { fetchSelfHostedModels, type SelfHostedLoad } from './self-hosted-fetch';
