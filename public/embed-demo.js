// Sizes every <iframe data-skyscale> to the height its page reports with
// postMessage({type: "skyscale:resize", height}). A message counts only when it comes from
// one of those frames (event.source) and from the origin of its src (event.origin); only a
// finite number is read from it, and it is clamped. Skyscale itself accepts no messages.
"use strict";

const frames = Array.from(document.querySelectorAll("iframe[data-skyscale]"));

window.addEventListener("message", (event) => {
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (!frame) return;
  const origin = new URL(frame.src, location.href).origin;
  if (event.origin !== origin) return; // file:// pages have origin "null" on both sides
  const data = event.data;
  if (!data || data.type !== "skyscale:resize" || !Number.isFinite(data.height)) return;
  const height = Math.min(Math.max(Math.ceil(data.height), 120), 20000);
  frame.setAttribute("height", String(height));
});
