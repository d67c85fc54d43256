import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { prepareBundle, releaseBundle } from './run-action.js';
import type { Scenario } from './scenario.js';

/** What every end-to-end file runs the action against; set once its `beforeAll` has run. */
export interface ActionHarness {
  readonly fake: FakeGitHub;
  readonly scenario: Scenario;
}

/**
 * Registers the hooks every end-to-end file needs: the bundle held for the file, a fake GitHub
 * on 127.0.0.1, the scenario repository, and empty comment lists and call logs before each
 * test. Call it at the top level of a test file.
 */
export function actionHarness(makeScenario: () => Scenario): ActionHarness {
  const state: { fake?: FakeGitHub; scenario?: Scenario } = {};
  const harness: ActionHarness = {
    get fake() {
      return required(state.fake);
    },
    get scenario() {
      return required(state.scenario);
    },
  };

  beforeAll(async () => {
    prepareBundle();
    state.fake = new FakeGitHub();
    await state.fake.start();
    state.scenario = makeScenario();
  }, 600_000);

  afterAll(async () => {
    releaseBundle();
    await state.fake?.stop();
    state.scenario?.repo.remove();
  });

  beforeEach(() => {
    harness.fake.clearCalls();
    harness.fake.comments = [];
    harness.fake.reviewComments = [];
    harness.fake.files = harness.scenario.files;
  });

  return harness;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the e2e harness is used before its beforeAll ran');
  return value;
}
