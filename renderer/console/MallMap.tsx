// The mall as an SVG floor plan, one floor at a time: corridors (edges), shops, terminals and the
// located customers as dots at their nearest terminal's node. Mall y grows northwards, SVG y grows
// down: the plan is drawn with y negated so north is up.
import { useMemo, useState } from 'react';
import type { Mall, MallNode } from '../../protocol/mall.ts';
import type { TerminalSummary } from '../../protocol/terminals.ts';
import type { TerminalApiResult } from '../../protocol/terminal-api.ts';
import { useT } from '../i18n/i18n.tsx';

type CustomerDot = TerminalApiResult<'liveCustomers'>['customers'][number];

interface Box { minX: number; minY: number; width: number; height: number }

export function boundsOf(nodes: readonly MallNode[], margin = 12): Box {
  if (nodes.length === 0) return { minX: 0, minY: 0, width: 1, height: 1 };
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => -n.y);
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  return { minX, minY, width: Math.max(...xs) + margin - minX, height: Math.max(...ys) + margin - minY };
}

/** Up to `shown` dots in a ring around a node; the rest are counted. */
export const DOTS_PER_NODE = 8;
export function ringOffset(index: number, radius: number): { dx: number; dy: number } {
  const angle = (2 * Math.PI * index) / DOTS_PER_NODE;
  return { dx: radius * Math.cos(angle), dy: radius * Math.sin(angle) };
}

export function MallMap({ mall, terminals, customers }: { mall: Mall; terminals: readonly TerminalSummary[]; customers: readonly CustomerDot[] }) {
  const t = useT();
  const [floorId, setFloorId] = useState(mall.floors[0]?.id ?? '');
  const floor = useMemo(() => {
    const nodes = mall.nodes.filter((n) => n.floorId === floorId);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges = mall.edges.filter((e) => byId.has(e.from) && byId.has(e.to));
    const shops = mall.shops.filter((s) => byId.has(s.nodeId));
    return { nodes, byId, edges, shops, box: boundsOf(nodes) };
  }, [mall, floorId]);
  const customersByNode = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of customers) if (c.nodeId && floor.byId.has(c.nodeId)) map.set(c.nodeId, (map.get(c.nodeId) ?? 0) + 1);
    return map;
  }, [customers, floor]);
  const unit = Math.max(floor.box.width, floor.box.height) / 120;
  const at = (id: string) => {
    const node = floor.byId.get(id)!;
    return { x: node.x, y: -node.y };
  };
  const liveTerminals = terminals.filter((term) => !term.revokedAt && term.nodeId && floor.byId.has(term.nodeId));

  return (
    <section className="mall-map">
      <div className="row">
        <h2>{t.mapTitle}</h2>
        <div className="floor-pick" role="group" aria-label={t.floor}>
          {mall.floors.map((f) => <button key={f.id} type="button" aria-pressed={f.id === floorId} onClick={() => setFloorId(f.id)}>{f.name}</button>)}
        </div>
      </div>
      <svg viewBox={`${floor.box.minX} ${floor.box.minY} ${floor.box.width} ${floor.box.height}`} role="img" aria-label={t.mapOf(mall.name)}>
        <g className="edges" strokeWidth={unit * 0.6}>
          {floor.edges.map((e) => <line key={`${e.from}-${e.to}`} x1={at(e.from).x} y1={at(e.from).y} x2={at(e.to).x} y2={at(e.to).y} />)}
        </g>
        <g className="shops">
          {floor.shops.map((s) => (
            <g key={s.id} data-shop={s.id}>
              <rect x={at(s.nodeId).x - unit * 3} y={at(s.nodeId).y - unit * 1.5} width={unit * 6} height={unit * 3} rx={unit * 0.5} />
              <text x={at(s.nodeId).x} y={at(s.nodeId).y - unit * 2} fontSize={unit * 1.3} textAnchor="start"
                transform={`rotate(-35 ${at(s.nodeId).x} ${at(s.nodeId).y - unit * 2})`}>{s.name}</text>
            </g>
          ))}
        </g>
        <g className="terminals">
          {liveTerminals.map((term) => (
            <rect key={term.id} data-terminal={term.id} className={term.online ? 'online' : 'offline'}
              x={at(term.nodeId!).x - unit * 0.8} y={at(term.nodeId!).y - unit * 0.8} width={unit * 1.6} height={unit * 1.6}>
              <title>{term.label}</title>
            </rect>
          ))}
        </g>
        <g className="customers">
          {[...customersByNode].map(([nodeId, count]) => {
            const node = at(nodeId);
            return (
              <g key={nodeId} data-customers={count}>
                {Array.from({ length: Math.min(count, DOTS_PER_NODE) }, (_, i) => {
                  const { dx, dy } = ringOffset(i, unit * 2.2);
                  return <circle key={i} cx={node.x + dx} cy={node.y + dy} r={unit * 0.7} />;
                })}
                {count > DOTS_PER_NODE && <text x={node.x} y={node.y + unit * 4.5} fontSize={unit * 1.4} textAnchor="middle">+{count - DOTS_PER_NODE}</text>}
              </g>
            );
          })}
        </g>
      </svg>
      <p className="legend"><span className="key-shop" /> {t.shop} <span className="key-terminal" /> {t.terminal} <span className="key-customer" /> {t.customer}</p>
    </section>
  );
}
