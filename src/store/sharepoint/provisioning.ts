/**
 * Provisioning: compares the site with the lists, columns and indexes PUI Desk needs, plans
 * what is missing and creates it. Running it again plans nothing.
 * @remarks It only adds: it never deletes a list or column, and a column that exists with
 * another type is reported for a person to decide, not replaced.
 */
import type { GraphHttp } from './graph-http';
import { columnDefinition, kindOf, LIST_SPECS, listDisplayName, type ColumnSpec, type ListSpec } from './list-schema';
import { resolveSite, sitePath, siteLists, type SiteRef } from './site-lists';

/** One change provisioning would make. */
export type ProvisionStep =
  | { kind: 'create-list'; list: string; spec: ListSpec }
  | { kind: 'create-column'; list: string; listId: string; column: ColumnSpec }
  | {
      kind: 'update-column';
      list: string;
      listId: string;
      columnId: string;
      column: ColumnSpec;
      changes: { indexed?: true; enforceUniqueValues?: true };
    };

export interface ProvisionPlan {
  site: SiteRef;
  steps: ProvisionStep[];
  /** Things provisioning will not fix by itself (a column of another type). */
  problems: string[];
}

interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  [facet: string]: unknown;
}

/** Reads the site and plans the changes. */
export async function planProvisioning(http: GraphHttp, site: string, prefix: string): Promise<ProvisionPlan> {
  const ref = await resolveSite(http, site);
  const lists = await siteLists(http, ref.id);
  const steps: ProvisionStep[] = [];
  const problems: string[] = [];
  for (const spec of LIST_SPECS) {
    const name = listDisplayName(spec, prefix);
    const list = lists.get(name);
    if (!list) {
      steps.push({ kind: 'create-list', list: name, spec });
      continue;
    }
    const existing = new Map<string, ExistingColumn>();
    for await (const column of http.items<ExistingColumn>(
      'columns.list',
      `${sitePath(ref.id)}/lists/${list.id}/columns`,
    ))
      existing.set(column.name, column);
    for (const column of spec.columns) {
      const found = existing.get(column.name);
      if (!found) {
        steps.push({ kind: 'create-column', list: name, listId: list.id, column });
        continue;
      }
      const kind = kindOf(found);
      if (kind !== column.kind) {
        problems.push(
          `${name}.${column.name} is a ${kind ?? 'column of another type'}, PUI Desk needs ${column.kind}: rename or remove that column in SharePoint, then run provisioning again.`,
        );
        continue;
      }
      const changes: { indexed?: true; enforceUniqueValues?: true } = {};
      if ((column.indexed || column.unique) && !found.indexed) changes.indexed = true;
      if (column.unique && !found.enforceUniqueValues) changes.enforceUniqueValues = true;
      if (Object.keys(changes).length > 0)
        steps.push({ kind: 'update-column', list: name, listId: list.id, columnId: found.id, column, changes });
    }
  }
  return { site: ref, steps, problems };
}

/** One line per step, for people. */
export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'create-list': {
      const indexed = step.spec.columns.filter((c) => c.indexed || c.unique).map((c) => c.name);
      return `+ list ${step.list} with ${step.spec.columns.length} columns, indexed: ${indexed.join(', ')}`;
    }
    case 'create-column':
      return `+ column ${step.list}.${step.column.name} (${step.column.kind}${step.column.indexed || step.column.unique ? ', indexed' : ''}${step.column.unique ? ', unique' : ''})`;
    case 'update-column':
      return `~ column ${step.list}.${step.column.name}: ${[step.changes.indexed ? 'index it' : '', step.changes.enforceUniqueValues ? 'enforce unique values' : ''].filter(Boolean).join(', ')}`;
  }
}

/** Carries out the steps in order. */
export async function applyProvisioning(
  http: GraphHttp,
  plan: ProvisionPlan,
  onStep?: (step: ProvisionStep) => void,
): Promise<void> {
  const site = sitePath(plan.site.id);
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'create-list':
        // https://learn.microsoft.com/graph/api/list-create: columns may be given with the list.
        await http.send('lists.create', 'POST', `${site}/lists`, {
          body: {
            displayName: step.list,
            description: step.spec.description,
            columns: step.spec.columns.map(columnDefinition),
            list: { template: 'genericList' },
          },
        });
        break;
      case 'create-column':
        await http.send('columns.create', 'POST', `${site}/lists/${step.listId}/columns`, {
          body: columnDefinition(step.column),
        });
        break;
      case 'update-column':
        await http.send('columns.update', 'PATCH', `${site}/lists/${step.listId}/columns/${step.columnId}`, {
          body: step.changes,
        });
        break;
    }
    onStep?.(step);
  }
}

/**
 * Plans and applies until nothing is left, checking the result.
 * @remarks SharePoint may not apply `indexed` given at list creation; the second pass adds the
 * indexes then. Two passes always converge; a third plan with steps is an error.
 */
export async function provision(
  http: GraphHttp,
  site: string,
  prefix: string,
  progress: { onPlan?: (plan: ProvisionPlan) => void; onStep?: (step: ProvisionStep) => void } = {},
): Promise<{ plan: ProvisionPlan; applied: ProvisionStep[] }> {
  const { onPlan, onStep } = progress;
  const first = await planProvisioning(http, site, prefix);
  onPlan?.(first);
  if (first.problems.length > 0) return { plan: first, applied: [] };
  const applied: ProvisionStep[] = [];
  let plan = first;
  for (let pass = 0; pass < 2 && plan.steps.length > 0; pass++) {
    await applyProvisioning(http, plan, (step) => {
      applied.push(step);
      onStep?.(step);
    });
    plan = await planProvisioning(http, plan.site.id, prefix);
  }
  if (plan.steps.length > 0) {
    throw new Error(`Provisioning did not converge; still to do: ${plan.steps.map(describeStep).join('; ')}`);
  }
  return { plan: first, applied };
}
