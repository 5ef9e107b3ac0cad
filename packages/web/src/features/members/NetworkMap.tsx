import { useId } from 'react';
import { useT } from '../../i18n';
import { RLP_BOUNDS, RLP_OUTLINE } from './rlpOutline';

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

const WIDTH = 480;
// Degrees of longitude are shorter than degrees of latitude at ~50° N.
const ASPECT = Math.cos((50 * Math.PI) / 180);
const HEIGHT = Math.round(
  (WIDTH * (RLP_BOUNDS.north - RLP_BOUNDS.south)) / ((RLP_BOUNDS.east - RLP_BOUNDS.west) * ASPECT),
);

function project(longitude: number, latitude: number): [number, number] {
  const x = ((longitude - RLP_BOUNDS.west) / (RLP_BOUNDS.east - RLP_BOUNDS.west)) * WIDTH;
  const y = ((RLP_BOUNDS.north - latitude) / (RLP_BOUNDS.north - RLP_BOUNDS.south)) * HEIGHT;
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

const outlinePath = `M${RLP_OUTLINE.map(([lon, lat]) => project(lon, lat).join(',')).join('L')}Z`;

/**
 * Rheinland-Pfalz with the member municipalities as dots, drawn as SVG by the app itself. The
 * picture has a short description; the page gives the full text alternative beside it.
 */
export function NetworkMap({ points, description }: { points: readonly MapPoint[]; description: string }) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <svg
      className="hub-network-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>{t('members.map.title')}</title>
      <desc id={descriptionId}>{description}</desc>
      <path d={outlinePath} className="hub-network-map__state" />
      {points.map((point) => {
        const [x, y] = project(point.longitude, point.latitude);
        return (
          <circle key={point.id} cx={x} cy={y} r={5} className="hub-network-map__member">
            <title>{point.name}</title>
          </circle>
        );
      })}
    </svg>
  );
}
