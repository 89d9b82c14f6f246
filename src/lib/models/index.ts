export { licenceOf } from './licences';
export { selfHostedManifestUrl, type SelfHostedMlcRecord, type SelfHostedModels } from './self-hosted';
export { fetchSelfHostedModels, type SelfHostedLoad } from './self-hosted-fetch';
