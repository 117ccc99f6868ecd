// The failure model: what an AZ, Region or instance failure does to each database of an architecture,
// with every timing and rule from the facts module. Pure: no vscode, no file system.
export type { ApplicationConnectionOutcome, ConnectionFate, DatabaseOutcome, DatabaseState, Duration, EdgeOutcome, FailureScenario, NodeFate, Simulation, WorstOutcome } from './types';
export { simulate } from './simulate';
export { failureScenarios, describeScenario, nodeNames, azsByRegion } from './scenarios';
export { worstCase, compareOutcomes } from './worst';
export { azLoss, judgedByAzLoss, judgeAzLossSteps, type AzLossVerdict } from './az-loss';
