// Skyscale embed helper: sizes the Skyscale frames of a course page to their content. The
// Embed dialog's snippet is a Skyscale iframe and a script element loading this file (async)
// from the same Skyscale address; the single-file build's snippet carries this text inline.
//
// A Skyscale page in a frame posts {type: "skyscale:resize", height} to its parent whenever its
// height changes. This script sets a frame's height from such a message only when it comes from
// that frame (event.source) and from the origin of the frame's src (event.origin), and the
// frame is one of ours: its src is beside this script, or (inline copy) it is marked
// data-skyscale. Only a finite number is read, and clamped. It sends Skyscale nothing: Skyscale
// takes no commands. If the course page drops this script, the frames keep the height the
// snippet gives them and scroll inside.
(() => {
  "use strict";
  const me = document.currentScript;
  // The folder this script was loaded from (null for the inline copy).
  const home = me && me.src ? new URL(".", me.src).href : null;
  const url = (frame) => {
    try {
      return new URL(frame.src, location.href);
    } catch {
      return null;
    }
  };
  const ours = (frame) => {
    const u = url(frame);
    return u !== null && ((home !== null && u.href.startsWith(home)) || frame.hasAttribute("data-skyscale"));
  };
  const frames = () => Array.from(document.getElementsByTagName("iframe")).filter(ours);

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "skyscale:resize" || !Number.isFinite(data.height)) return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== url(frame).origin) return;
    // The frame's viewport gets the reported height: add its border and padding when the
    // course page sizes boxes by their border (box-sizing: border-box, as many themes do).
    const style = getComputedStyle(frame);
    const edges =
      style.boxSizing === "border-box"
        ? ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"]
            .map((k) => parseFloat(style[k]) || 0)
            .reduce((a, b) => a + b, 0)
        : 0;
    const height = `${Math.min(Math.max(Math.ceil(data.height), 120), 20000) + Math.ceil(edges)}px`;
    if (frame.style.height !== height) frame.style.height = height;
  });

  // A frame that reported its height before this script was listening reports again when its
  // viewport changes size: change each frame's height by a pixel once.
  for (const frame of frames()) {
    const h = parseFloat(getComputedStyle(frame).height);
    if (h > 0) frame.style.height = `${Math.round(h) + 1}px`;
  }
})();
