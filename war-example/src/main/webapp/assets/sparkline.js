/*
 * A small line chart on a canvas: one series, a rolling window, crisp on high-DPI screens.
 * Written for the dashboard demo so that the WAR needs no CDN and no chart library.
 */
'use strict';

class Sparkline {
  constructor(canvas, { color = '#3056d3', points = 90, min = 0, format = v => String(v) } = {}) {
    this.canvas = canvas;
    this.color = color;
    this.points = points;
    this.min = min;
    this.format = format;
    this.values = [];
  }

  push(value) {
    this.values.push(value);
    if (this.values.length > this.points) this.values.shift();
    this.draw();
  }

  draw() {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth, height = this.canvas.clientHeight;
    if (this.canvas.width !== width * ratio) { this.canvas.width = width * ratio; this.canvas.height = height * ratio; }
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const top = Math.max(...this.values, this.min + 1) * 1.15;
    const pad = 4, step = (width - 2 * pad) / (this.points - 1);
    const y = v => height - pad - (v - this.min) / (top - this.min) * (height - 2 * pad);
    const x0 = width - pad - (this.values.length - 1) * step;

    g.strokeStyle = '#e4e7ec'; g.lineWidth = 1; g.fillStyle = '#98a2b3'; g.font = '11px system-ui, sans-serif';
    for (const f of [0.5, 1]) {
      const v = this.min + (top - this.min) * f / 1.15;
      g.beginPath(); g.moveTo(pad, y(v)); g.lineTo(width - pad, y(v)); g.stroke();
      g.fillText(this.format(Math.round(v)), pad + 2, y(v) - 3);
    }
    if (this.values.length < 2) return;
    g.beginPath();
    this.values.forEach((v, i) => i ? g.lineTo(x0 + i * step, y(v)) : g.moveTo(x0, y(v)));
    g.strokeStyle = this.color; g.lineWidth = 2; g.lineJoin = 'round'; g.stroke();
    g.lineTo(x0 + (this.values.length - 1) * step, height - pad); g.lineTo(x0, height - pad); g.closePath();
    g.globalAlpha = 0.12; g.fillStyle = this.color; g.fill(); g.globalAlpha = 1;
  }
}
