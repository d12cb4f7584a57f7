// For host pages that embed the guide in an iframe (iframe mode). Resizes each
// <iframe data-threshold-guide-frame> to its content, and carries out a quick exit the
// guide asks for. Messages are accepted only from that iframe's own window and origin.
const EXIT_URL = document.documentElement.dataset.thresholdGuideExitUrl || 'https://www.bbc.co.uk/weather';
const frames = [...document.querySelectorAll('iframe[data-threshold-guide-frame]')];
window.addEventListener('message', (event) => {
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== new URL(frame.src, location.href).origin) return;
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'threshold-guide:resize' && Number.isFinite(data.height) && data.height > 0 && data.height < 100000) {
    frame.style.height = `${Math.ceil(data.height)}px`;
  } else if (data.type === 'threshold-guide:exit') {
    location.replace(EXIT_URL);
  }
});
