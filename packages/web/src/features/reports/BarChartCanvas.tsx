import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartData,
  type ChartOptions,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';

// Only the parts the bar charts use, so the chart bundle (loaded on the report pages alone) stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A series of a bar chart: its name, colour and values (one per label). */
export interface BarSeries {
  name: string;
  colour: string;
  values: number[];
}

export interface BarChartCanvasProps {
  labels: string[];
  series: BarSeries[];
  /** Bars of the series stacked on top of each other (parts of a whole) rather than side by side. */
  stacked?: boolean;
  horizontal?: boolean;
  /** BCP 47 tag for the numbers on the axes and in tooltips. */
  locale: string;
  /** The one-sentence summary; the canvas is an image with this text. */
  summary: string;
}

/**
 * The chart itself (chart.js). Decorative for assistive technology beyond its summary: the data
 * table next to it carries the numbers. Series differ by colour and border style, and the legend
 * names them, so colour is never the only clue.
 */
export default function BarChartCanvas({
  labels,
  series,
  stacked,
  horizontal,
  locale,
  summary,
}: BarChartCanvasProps) {
  const data: ChartData<'bar'> = {
    labels,
    datasets: series.map((s, i) => ({
      label: s.name,
      data: s.values,
      backgroundColor: s.colour,
      borderColor: '#ffffff',
      borderWidth: stacked ? 1 : 0,
      borderDash: i % 2 ? [4, 2] : undefined,
    })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale,
    indexAxis: horizontal ? 'y' : 'x',
    scales: {
      x: {
        stacked,
        beginAtZero: true,
        ticks: { color: '#1f2937', precision: 0 },
        grid: { color: '#e5e7eb' },
      },
      y: {
        stacked,
        beginAtZero: true,
        ticks: { color: '#1f2937', precision: 0 },
        grid: { color: '#e5e7eb' },
      },
    },
    plugins: { legend: { position: 'bottom', labels: { color: '#1f2937', boxWidth: 14 } } },
  };
  return (
    <div className="hub-chart__canvas">
      <Bar data={data} options={options} role="img" aria-label={summary} />
    </div>
  );
}
