// The winkNLP peer of stylometer-bench peers -wink: reads every .txt of
// the folder given, and for each runs winkNLP's English lite model
// (tokenise, sentence split, POS tag; its default pipeline also finds
// entities, negation and sentiment, which are turned off here as
// stylometer turns prose's entities off), then prints the seconds of the
// work (files read, model loaded before the clock) and the tokens it found.
const fs = require("fs");
const path = require("path");
const winkNLP = require("wink-nlp");
const model = require("wink-eng-lite-web-model");
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;
const dir = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
nlp.readDoc("Warm up the model. It is loaded once.").tokens().out(its.pos);
const start = process.hrtime.bigint();
let tokens = 0, sentences = 0;
for (const f of files) {
  const doc = nlp.readDoc(fs.readFileSync(path.join(dir, f), "utf8"));
  const tags = doc.tokens().out(its.pos);
  tokens += tags.length;
  sentences += doc.sentences().length();
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(JSON.stringify({ secs, tokens, sentences }) + "\n");
