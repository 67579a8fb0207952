// A file assertion as promptfoo's examples write them: {pass, score, reason}, here through a Promise the sandbox settles.
module.exports = (output, context) => {
  const words = output.split(/\s+/).filter((w) => w.length > 0);
  const pass = words.length > 2 && JSON.stringify(context.vars).length > 0;
  return Promise.resolve({ pass, score: pass ? 1 : 0, reason: `${words.length} words` });
};
