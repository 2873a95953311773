/** What a chart's legend shows; the PNG draws the same legend under the chart. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** 'bar' = filled square, 'line' = a stroke (dashed when `dash` is set). */
  readonly kind: 'bar' | 'line';
  readonly dash?: string;
}

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const SCALE = 2;
const TITLE_HEIGHT = 34;
const LEGEND_ROW = 24;
const LEGEND_FONT = `12px ${FONT}`;

/**
 * A chart as a PNG file: the recharts SVG (fonts inlined, white background) drawn onto a canvas
 * at twice the size with the title above and the legend below, then saved through a Blob.
 */
export async function exportChartPng(
  container: HTMLElement,
  title: string,
  legend: readonly LegendEntry[],
  fileName: string,
): Promise<void> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('图表尚未显示，无法导出');
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const image = await svgImage(svg, width, height);

  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  if (!measure) throw new Error('无法创建图片');
  const rows = legendRows(measure, legend, width);
  canvas.width = width * SCALE;
  canvas.height = (TITLE_HEIGHT + height + rows.length * LEGEND_ROW + (rows.length > 0 ? 6 : 0)) * SCALE;
  // Resizing the canvas resets its state: take the context afresh.
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法创建图片');
  context.scale(SCALE, SCALE);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, canvas.height / SCALE);
  context.fillStyle = '#262626';
  context.font = `bold 15px ${FONT}`;
  context.textBaseline = 'middle';
  context.fillText(title, 12, TITLE_HEIGHT / 2);
  context.drawImage(image, 0, TITLE_HEIGHT, width, height);
  rows.forEach((row, i) => drawLegendRow(context, row, width, TITLE_HEIGHT + height + LEGEND_ROW * i + LEGEND_ROW / 2));

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('图片生成失败');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', FONT);
  copy.style.fontFamily = FONT;
  // Focus rings and hover highlights are not part of the picture.
  for (const node of copy.querySelectorAll('[tabindex]')) node.removeAttribute('tabindex');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#fff');
  copy.insertBefore(background, copy.firstChild);
  const text = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('图表无法转换为图片'));
    };
    image.src = url;
  });
}

interface PlacedEntry {
  readonly entry: LegendEntry;
  readonly width: number;
}

/** The legend entries in rows that fit the picture's width. */
function legendRows(context: CanvasRenderingContext2D, legend: readonly LegendEntry[], width: number): PlacedEntry[][] {
  context.font = LEGEND_FONT;
  const rows: PlacedEntry[][] = [];
  let row: PlacedEntry[] = [];
  let used = 0;
  for (const entry of legend) {
    const w = 22 + context.measureText(entry.label).width + 16;
    if (row.length > 0 && used + w > width - 16) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ entry, width: w });
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function drawLegendRow(context: CanvasRenderingContext2D, row: readonly PlacedEntry[], width: number, middle: number): void {
  context.font = LEGEND_FONT;
  context.textBaseline = 'middle';
  let x = Math.max(8, (width - row.reduce((sum, p) => sum + p.width, 0)) / 2);
  for (const { entry, width: w } of row) {
    if (entry.kind === 'bar') {
      context.fillStyle = entry.color;
      context.fillRect(x, middle - 6, 12, 12);
      context.strokeStyle = '#595959';
      context.lineWidth = 0.5;
      context.strokeRect(x, middle - 6, 12, 12);
    } else {
      context.strokeStyle = entry.color;
      context.lineWidth = 2;
      context.setLineDash(entry.dash ? entry.dash.split(/\s+/).map(Number) : []);
      context.beginPath();
      context.moveTo(x - 2, middle);
      context.lineTo(x + 16, middle);
      context.stroke();
      context.setLineDash([]);
    }
    context.fillStyle = '#262626';
    context.fillText(entry.label, x + 22, middle);
    x += w;
  }
}
