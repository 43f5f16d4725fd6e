// What only a widget that shows the probability or the tornado needs (the
// simulation's runner, its charts and sentences), in one module that
// www/embed.js loads on demand: scripts/bundle.mjs makes it a classic
// script of its own (pkg-embed/embed-analysis.js), so a widget of charts
// alone does not download it.
import { histogramChart, tornadoChart } from './analysis-charts.js';
import { AnalysisRunner } from './analysis-runner.js';
import { certaintySentence, likelySentences, tornadoLabels } from './likely.js';

export {
  AnalysisRunner, certaintySentence, histogramChart, likelySentences, tornadoChart, tornadoLabels,
};
