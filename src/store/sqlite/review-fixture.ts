// Two reports of one meeting that the machine keeps apart (two spellings of one name, each its own
// actor) and an unrelated meeting of one of its people: for tests of merging by judgement, its
// preview and its redirects (store and end-to-end).
import type { DocumentAnalysis } from '../../core/types.ts';
import { makeAnalysis, type ActorSpec } from '../fixtures.ts';

const LULA: ActorSpec = { id: 'lula', kind: 'person', name: 'Luiz Inácio Lula da Silva', aliases: ['Lula'] };
const SANCHEZ: ActorSpec = { id: 'pedro-sanchez', kind: 'person', name: 'Pedro Sánchez', aliases: ['Sánchez'] };
const SANCHES: ActorSpec = { id: 'found:sanches', kind: 'person', name: 'Pedro Sanches', aliases: ['Pedro Sanches'] };
const FERNANDEZ: ActorSpec = { id: 'alberto-fernandez', kind: 'person', name: 'Alberto Fernández', aliases: ['Fernández'] };
const MADRID: ActorSpec = { id: 'madrid', kind: 'place', name: 'Madrid', placeType: 'city' };
const BUENOS_AIRES: ActorSpec = { id: 'buenos-aires', kind: 'place', name: 'Buenos Aires', placeType: 'city' };

function doc(id: string, text: string, published: string, actors: ActorSpec[], sentence: string, trigger: string, people: [ActorSpec, string][], date: [string, string], place: [ActorSpec, string]): DocumentAnalysis {
  return makeAnalysis(id, text, {
    published: { value: published, precision: 'day', words: published },
    actors,
    reports: [
      {
        sentence,
        trigger,
        participants: people.map(([a, words]) => ({ actorId: a.id, words })),
        date: { value: date[0], words: date[1] },
        place: { actorId: place[0].id, words: place[1] },
      },
    ],
  });
}

/** pt-madrid and en-madrid: one meeting, apart; es-baires: another meeting, a year earlier elsewhere. */
export function reviewAnalyses(): DocumentAnalysis[] {
  return [
    doc('pt-madrid', 'Lula em Madri\n2023-04-26\n\nLula encontrou Sánchez em Madrid na quarta-feira.\n', '2023-04-26', [LULA, SANCHEZ, MADRID],
      'Lula encontrou Sánchez em Madrid na quarta-feira.', 'encontrou', [[LULA, 'Lula'], [SANCHEZ, 'Sánchez']], ['2023-04-26', 'quarta-feira'], [MADRID, 'Madrid']),
    doc('en-madrid', 'Lula in Madrid\n2023-04-26\n\nLula met Pedro Sanches in Madrid on Wednesday.\n', '2023-04-26', [LULA, SANCHES, MADRID],
      'Lula met Pedro Sanches in Madrid on Wednesday.', 'met', [[LULA, 'Lula'], [SANCHES, 'Pedro Sanches']], ['2023-04-26', 'Wednesday'], [MADRID, 'Madrid']),
    doc('es-baires', 'Fernández recibe a Sánchez\n2022-05-10\n\nFernández recibió a Sánchez en Buenos Aires el martes.\n', '2022-05-10', [FERNANDEZ, SANCHEZ, BUENOS_AIRES],
      'Fernández recibió a Sánchez en Buenos Aires el martes.', 'recibió', [[FERNANDEZ, 'Fernández'], [SANCHEZ, 'Sánchez']], ['2022-05-10', 'martes'], [BUENOS_AIRES, 'Buenos Aires']),
  ];
}

