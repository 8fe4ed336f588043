/** How the shipped cards' search tuning runs (harness/tuning/studies.ts), in the words the cards' miniatures use. */
export const TUNING_NOTE =
  "the same points for every arm, each trial on its own tuning seed; each study's best 2 re-run on 3 tuning seeds in all and chosen by the median";
