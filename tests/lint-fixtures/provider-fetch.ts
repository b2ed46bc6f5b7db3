export async function listModels() {
  const res = await fetch('https://api.openai.com/v1/models');
  return res.json();
}
