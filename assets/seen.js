// Tells the page which figures are on the screen, near it (within a
// screen's height) and kept (within two), as they come and go: one
// IntersectionObserver per region, each reporting the names of the figures
// that entered it and of those that left. The regions are the document's
// own viewport's, so an embedded figure is near in its frame at once.
const REGIONS = [
  ["0px", 0],
  ["100% 0px", 1],
  ["200% 0px", 2],
];

export function watch(canvases, report) {
  const name = (canvas) => canvas.dataset.figure;
  for (const [margin, region] of REGIONS) {
    // The first report comes now, from the layout as it is, so the first
    // frame draws what is near; the observer reports every change after.
    const height = innerHeight;
    const grow = (margin === "0px" ? 0 : parseInt(margin, 10) / 100) * height;
    const inside = [];
    const outside = [];
    for (const canvas of canvases) {
      const box = canvas.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && box.bottom >= -grow && box.top <= height + grow;
      (shown ? inside : outside).push(name(canvas));
    }
    report(region, inside, outside);
    const observer = new IntersectionObserver(
      (entries) => {
        const inside = entries.filter((e) => e.isIntersecting).map((e) => name(e.target));
        const outside = entries.filter((e) => !e.isIntersecting).map((e) => name(e.target));
        report(region, inside, outside);
      },
      { root: document, rootMargin: margin },
    );
    for (const canvas of canvases) observer.observe(canvas);
  }
}
