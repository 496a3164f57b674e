export function median(values) {
  const list = values
    .filter((v) => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (list.length === 0) return null;
  const mid = Math.floor(list.length / 2);
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

export const kb = (bytes) => (bytes == null ? "—" : `${(bytes / 1000).toFixed(1)} kB`);
export const mb = (bytes) => (bytes == null ? "—" : `${(bytes / 1e6).toFixed(1)} MB`);
export const ms = (v) => (v == null ? "—" : `${Math.round(v)} ms`);
export const ratio = (v) => (v == null || !Number.isFinite(v) ? "—" : `${v.toFixed(2)}×`);
