// Runs inside embed.html (iframe mode). Copies the frame's query options onto the widget
// element (the widget validates them), and keeps the host's iframe as tall as the content
// by posting the height to the parent page. The message carries only a height.
const el = document.querySelector('[data-threshold-guide]');

for (const [key, value] of new URLSearchParams(location.search)) {
  // Unknown keys are passed on too, so the widget reports them instead of ignoring them silently.
  if (/^[a-z-]{1,40}$/.test(key)) el.setAttribute(`data-${key}`, value);
}
if (window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'threshold-guide:resize', height }, '*');
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
