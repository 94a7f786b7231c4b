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
        // A figure that came and went since the last report has an entry
        // for each move, oldest first: the last one says where it is.
        const now = new Map(entries.map((e) => [e.target, e.isIntersecting]));
        const inside = [];
        const outside = [];
        for (const [canvas, within] of now) (within ? inside : outside).push(name(canvas));
        report(region, inside, outside);
      },
      { root: document, rootMargin: margin },
    );
    for (const canvas of canvases) observer.observe(canvas);
  }
}
