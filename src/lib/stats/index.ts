export { verbNounOf, verbNounTree, type VerbNoun, type VerbBranch, type VerbNounTree } from './verb-noun';
