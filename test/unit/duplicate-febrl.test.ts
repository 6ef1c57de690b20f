/**
 * Detection quality on the FEBRL synthetic person records: blocking and scoring with the default settings, pairs
 * at or above the possible threshold counted as found, against the known true pairs. The weights are set from
 * what each level means (weights.ts), not fitted to these files; dataset2 serves as held-out data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFebrl, pairKey, quality, truePairs } from '../helpers/febrl.ts';
import { prepare } from '../../src/modules/duplicates/dedup-record.ts';
import { forEachCandidatePair } from '../../src/modules/duplicates/blocking.ts';
import { pairPoints } from '../../src/modules/duplicates/score.ts';
import { scoreOfPoints } from '../../src/modules/duplicates/weights.ts';
import { DEFAULT_SETTINGS } from '../../src/modules/duplicates/duplicate-settings.ts';

for (const file of ['dataset1', 'dataset2'] as const) {
  test(`FEBRL ${file}: pairwise precision, recall and F1 of at least 0.97 with the default settings`, () => {
    const people = loadFebrl(file);
    const records = people.map((person, index) => prepare({ id: String(index), kind: 'person', ...person }));
    const found = new Set<string>();
    let compared = 0;
    forEachCandidatePair(records, (i, j) => {
      compared += 1;
      if (scoreOfPoints(pairPoints(records[i]!, records[j]!)) >= DEFAULT_SETTINGS.possibleThreshold) found.add(pairKey(i, j));
    });
    const result = quality(found, truePairs(people));
    const figure = (value: number) => value.toFixed(4);
    console.log(
      `FEBRL ${file}: ${people.length} records, ${compared} pairs compared, ${result.truePairs} true pairs, ${result.predicted} found, ` +
        `precision ${figure(result.precision)}, recall ${figure(result.recall)}, F1 ${figure(result.f1)}`,
    );
    assert.ok(result.precision >= 0.97, `precision ${result.precision}`);
    assert.ok(result.recall >= 0.97, `recall ${result.recall}`);
    assert.ok(result.f1 >= 0.97, `F1 ${result.f1}`);
  });
}
