/** One SVG sprite per page: every status icon has its own shape, so status never rests on colour. */
export function StatusSprite() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <symbol id="s-operational" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path
          d="M4.5 8.2l2.3 2.3 4.7-4.9"
          fill="none"
          stroke="#fff"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </symbol>
      <symbol id="s-under_maintenance" viewBox="0 0 16 16">
        <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
        <path
          d="M5 11l4-4m-.5-2.5a2 2 0 102.9 2.9"
          fill="none"
          stroke="#fff"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </symbol>
      <symbol id="s-degraded_performance" viewBox="0 0 16 16">
        <path d="M8 1.2l7 13.3H1z" fill="currentColor" strokeLinejoin="round" />
        <path d="M8 6v3.6" stroke="#000" strokeWidth="1.7" strokeLinecap="round" />
        <circle cx="8" cy="12" r="1" fill="#000" />
      </symbol>
      <symbol id="s-partial_outage" viewBox="0 0 16 16">
        <path d="M8 .8l7.2 7.2L8 15.2.8 8z" fill="currentColor" />
        <path d="M5 8h6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </symbol>
      <symbol id="s-major_outage" viewBox="0 0 16 16">
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </symbol>
      <symbol id="s-unknown" viewBox="0 0 16 16">
        <circle
          cx="8"
          cy="8"
          r="6.6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeDasharray="2.2 1.6"
        />
        <path
          d="M6.2 6.3a1.9 1.9 0 113 1.5c-.8.5-1.2.8-1.2 1.7"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
        <circle cx="8" cy="11.6" r=".9" fill="currentColor" />
      </symbol>
      <symbol id="s-paused" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M6.3 5.3v5.4m3.4-5.4v5.4"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </symbol>
      <symbol id="s-none" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="6.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M5 8h6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </symbol>
    </svg>
  );
}
