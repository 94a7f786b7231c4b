// Replays a painting (src/charts/painting.rs) on a canvas: the 2D context's
// calls written down as numbers, the texts they name, each followed by U+0001
// (left out when they are the texts last given for the same context), and
// the cells of their images, four bytes each.
const STYLES = ["normal", "bold", "italic", "oblique"];
const ALIGN = ["start", "center", "end"];
const BASELINE = ["top", "middle", "bottom"];

// The canvas an image's cells are put on, one pixel each, before they are
// stretched onto the figure (putImageData itself cannot scale).
let cells = null;

// Each colour's CSS text, written once: a page uses a few dozen colours
// and sets them thousands of times a redraw. By red, green and blue packed
// into one number, then by alpha.
const colours = new Map();

function colour(r, g, b, a) {
  const rgb = (r << 16) | (g << 8) | b;
  let byAlpha = colours.get(rgb);
  if (!byAlpha) colours.set(rgb, (byAlpha = new Map()));
  let css = byAlpha.get(a);
  if (css === undefined) byAlpha.set(a, (css = `rgba(${r},${g},${b},${a})`));
  return css;
}

// Each context's texts, as last given, split.
const given = new WeakMap();

export function paint(context, ops, texts, pixels) {
  let words = given.get(context);
  if (texts !== undefined || !words) given.set(context, (words = (texts ?? "").split("\u0001")));
  // The text style the context was last given in this call (a new backing
  // store starts from the defaults, so nothing is carried over between
  // calls), as numbers: a font set again unchanged is neither written out
  // nor parsed again.
  // Colours need no such check: the painting records a colour only when it
  // changes (src/charts/painting.rs).
  let size = -1;
  let style = -1;
  let family = -1;
  let align = -1;
  let baseline = -1;
  const rgba = (i) => colour(ops[i], ops[i + 1], ops[i + 2], ops[i + 3]);
  let i = 0;
  while (i < ops.length) {
    switch (ops[i]) {
      case 1: context.fillStyle = rgba(i + 1); i += 5; break;
      case 2: context.strokeStyle = rgba(i + 1); context.lineWidth = ops[i + 5]; i += 6; break;
      case 3: context.beginPath(); i += 1; break;
      case 4: context.moveTo(ops[i + 1], ops[i + 2]); i += 3; break;
      case 5: context.lineTo(ops[i + 1], ops[i + 2]); i += 3; break;
      case 6: context.stroke(); i += 1; break;
      case 7: context.fill(); i += 1; break;
      case 8: context.closePath(); i += 1; break;
      case 9: context.fillRect(ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]); i += 5; break;
      case 10: context.strokeRect(ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]); i += 5; break;
      case 11: context.arc(ops[i + 1], ops[i + 2], ops[i + 3], 0, 2 * Math.PI); i += 4; break;
      case 12: {
        // x, y, size, style, family, align, baseline, quarter turns, text
        const x = ops[i + 1];
        const y = ops[i + 2];
        if (ops[i + 3] !== size || ops[i + 4] !== style || ops[i + 5] !== family) {
          size = ops[i + 3];
          style = ops[i + 4];
          family = ops[i + 5];
          context.font = `${STYLES[style]} ${size}px ${words[family]}`;
        }
        if (ops[i + 6] !== align) context.textAlign = ALIGN[(align = ops[i + 6])];
        if (ops[i + 7] !== baseline) context.textBaseline = BASELINE[(baseline = ops[i + 7])];
        const turns = ops[i + 8];
        const text = words[ops[i + 9]];
        if (turns) {
          context.save();
          context.translate(x, y);
          context.rotate((turns * Math.PI) / 2);
          context.fillText(text, 0, 0);
          context.restore();
        } else {
          context.fillText(text, x, y);
        }
        i += 10;
        break;
      }
      case 13: {
        const [x, y, w, h, columns, rows, start] = ops.subarray(i + 1, i + 8);
        cells ??= document.createElement("canvas");
        if (cells.width !== columns) cells.width = columns;
        if (cells.height !== rows) cells.height = rows;
        const bytes = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset + start, columns * rows * 4);
        cells.getContext("2d").putImageData(new ImageData(bytes, columns, rows), 0, 0);
        context.imageSmoothingEnabled = true;
        context.drawImage(cells, x, y, w, h);
        i += 8;
        break;
      }
      case 14:
        // Drawn, then left out; an engine without dashes draws the line solid.
        context.setLineDash?.(ops[i + 1] > 0 ? [ops[i + 1], ops[i + 2]] : []);
        i += 3;
        break;
      default:
        throw new Error(`losslab: unknown painting call ${ops[i]} at ${i}`);
    }
  }
}

// How wide the canvases' bold sans-serif sets `sample`, in ems: the figures
// estimate their words' widths (src/charts/style.rs), and a face wider than
// the estimate would push a word set at a figure's edge out of it.
export function faceEms(sample) {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return NaN;
  context.font = "bold 100px sans-serif";
  return context.measureText(sample).width / 100;
}
