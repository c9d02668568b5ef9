/** The Graph double: an in-process HTTP stand-in for the Graph endpoints of SharePoint lists. */
export { GraphDouble } from './graph-double';
export type { FailureRule, GraphDoubleOptions, GraphStats, RequestMatch, SiteRole } from './graph-double';
