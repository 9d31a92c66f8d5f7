/** Line icons for the categories (no icon font, no emoji font needed on the phone). */
const paths: Record<string, string> = {
  urban_order: 'M4 4H20V10H4z M7 10V21 M17 10V21',
  roads_traffic: 'M8 2L4 22 M16 2L20 22 M12 3V7 M12 10V14 M12 17V21',
  lighting_power: 'M13 2L4 14H11L10 22L19 10H12z',
  water_drainage: 'M12 2C12 2 5 10 5 14A7 7 0 0 0 19 14C19 10 12 2 12 2z',
  environment: 'M5 19C5 9 12 4 20 4C20 12 15 19 5 19z M5 19L13 11',
  construction_land: 'M3 11L12 3L21 11 M5 10V21H19V10',
  security_order: 'M12 2L20 5V11C20 16 16 20 12 22C8 20 4 16 4 11V5z',
  health: 'M9 3H15V9H21V15H15V21H9V15H3V9H9z',
  education: 'M3 5H10A2 2 0 0 1 12 7V20A2 2 0 0 0 10 18H3z M21 5H14A2 2 0 0 0 12 7V20A2 2 0 0 1 14 18H21z',
  admin_procedures: 'M6 2H14L19 7V22H6z M14 2V7H19 M9 12H16 M9 16H16',
  social_welfare: 'M12 21C5 15 2 11 2 8A5 5 0 0 1 12 7A5 5 0 0 1 22 8C22 11 19 15 12 21z',
};

export function CategoryIcon({ code }: { code: string }) {
  return (
    <svg class="cat-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path d={paths[code] ?? 'M12 3A9 9 0 1 0 12 21A9 9 0 1 0 12 3z M8 12H8.01 M12 12H12.01 M16 12H16.01'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
