// Charts rendered once at build time to static SVG (ECharts server-side rendering): no chart
// library reaches the browser. The SVG is decorative for assistive technology (aria-hidden); the
// same numbers are always given in a table beside it. Series differ by line style, marker shape
// and a text label at the line's end, never by colour alone.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer])

const FONT = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
/** Dark enough for 3:1 against white (WCAG 1.4.11). */
const COLOURS = ['#0b4f9c', '#a4161a', '#00703c', '#4c2c92', '#6b4b00', '#1b1b1b']
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow']
const LINES = ['solid', 'dashed', 'dotted', 'solid', 'dashed', 'dotted'] as const

const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 })

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 13, color: '#1b1b1b' }, ...option })
    return chart.renderToSVGString().replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ')
  } finally {
    chart.dispose()
  }
}

/** `null` is a month without a published figure: a gap in the line, never a zero. */
export type Series = { name: string; data: Array<number | null> }

/** Lines over months (categories), one per series, labelled at their ends. */
export function lineChartSvg(opts: { categories: string[]; series: Series[]; width?: number; height?: number }): string {
  const { categories, series, width = 760, height = 380 } = opts
  return render(
    {
      color: COLOURS,
      grid: { left: 70, right: 110, top: 50, bottom: 40 },
      legend: { top: 0, left: 'center', itemWidth: 28, textStyle: { fontSize: 13 } },
      xAxis: { type: 'category', data: categories, boundaryGap: false, axisLabel: { color: '#1b1b1b' }, axisLine: { lineStyle: { color: '#474747' } } },
      yAxis: { type: 'value', axisLabel: { color: '#1b1b1b', formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      series: series.map((s, i) => ({
        type: 'line',
        name: s.name,
        data: s.data.map((v) => (v === null ? '-' : v)),
        connectNulls: false,
        symbol: SYMBOLS[i % SYMBOLS.length],
        symbolSize: 9,
        lineStyle: { width: 3, type: LINES[i % LINES.length] },
        endLabel: { show: true, formatter: '{a}', color: '#1b1b1b', fontSize: 13 },
        labelLayout: { moveOverlap: 'shiftY' },
      })),
    },
    width,
    height,
  )
}

/** Horizontal bars, one series, each bar labelled with its value. */
export function barChartSvg(opts: { categories: string[]; values: number[]; width?: number; rowHeight?: number }): string {
  const { categories, values, width = 760, rowHeight = 30 } = opts
  const height = Math.max(160, 60 + categories.length * rowHeight)
  return render(
    {
      color: [COLOURS[0]],
      grid: { left: 110, right: 90, top: 20, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { color: '#1b1b1b', formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { color: '#d0d0d0' } } },
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { color: '#1b1b1b' } },
      series: [{ type: 'bar', data: values, barMaxWidth: 22, label: { show: true, position: 'right', color: '#1b1b1b', formatter: (p: { value: number }) => p.value.toLocaleString('zh-CN') } }],
    },
    width,
    height,
  )
}
