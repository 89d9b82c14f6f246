import { hierarchy, partition, type HierarchyRectangularNode } from 'd3-hierarchy';
import { arc } from 'd3-shape';
import type { VerbNounTree } from '../stats';

/** One drawn segment of the verb–noun sunburst: a verb on the inner ring, one of its nouns on the outer. */
export interface SunburstSegment {
  key: string;
  verb: string;
  /** Absent on the inner ring. */
  noun?: string;
  count: number;
  /** The SVG path, centred on 0,0. */
  path: string;
  /** Where its label goes, turned along the radius; absent when the segment is too thin to hold one. */
  label?: { x: number; y: number; rotate: number; text: string };
}

interface Node {
  verb?: string;
  noun?: string;
  count: number;
  children?: Node[];
}

/** Radians a label needs at 11 px type: thinner segments are named in the table and their tooltip. */
const LABEL_ANGLE = 0.09;

/**
 * Fig. 3 as a sunburst of `radius`: the top verbs around a hole that holds the share, each verb's
 * top nouns outside it. A verb's arc is all its instructions, so the part of it no drawn noun
 * covers is its other nouns, left blank as in the paper.
 */
export function sunburstSegments(tree: VerbNounTree, radius: number): SunburstSegment[] {
  const root: Node = {
    count: 0,
    children: tree.verbs.map(({ verb, count, nouns }) => {
      const shown = nouns.reduce((total, noun) => total + noun.count, 0);
      const other = count - shown > 0 ? [{ verb, count: count - shown }] : [];
      return { verb, count: 0, children: [...nouns.map((noun) => ({ verb, noun: noun.noun, count: noun.count })), ...other] };
    }),
  };
  const laidOut = partition<Node>().size([2 * Math.PI, radius])(hierarchy(root).sum((node) => (node.children ? 0 : node.count)));
  const ring = radius / 3;
  const shape = arc<HierarchyRectangularNode<Node>>()
    .startAngle((node) => node.x0)
    .endAngle((node) => node.x1)
    .innerRadius((node) => node.depth * ring)
    .outerRadius((node) => (node.depth + 1) * ring - 1)
    .padAngle(0.004)
    .padRadius(radius);
  return laidOut
    .descendants()
    .filter((node) => node.depth > 0 && (node.depth === 1 || node.data.noun !== undefined))
    .map((node) => {
      const { verb = '', noun } = node.data;
      const text = noun ?? verb;
      const segment: SunburstSegment = { key: noun === undefined ? verb : `${verb}/${noun}`, verb, count: node.value ?? 0, path: shape(node) ?? '' };
      if (noun !== undefined) segment.noun = noun;
      if (node.x1 - node.x0 >= LABEL_ANGLE) segment.label = labelOf(node, ring, text);
      return segment;
    });
}

/** A label along the segment's middle radius, turned so that it never reads upside down. */
function labelOf(node: HierarchyRectangularNode<Node>, ring: number, text: string): NonNullable<SunburstSegment['label']> {
  const angle = (node.x0 + node.x1) / 2;
  const distance = (node.depth + 0.5) * ring;
  const degrees = (angle * 180) / Math.PI - 90;
  const maxChars = Math.floor((ring - 6) / 6.2);
  return {
    x: Math.sin(angle) * distance,
    y: -Math.cos(angle) * distance,
    rotate: degrees > 90 ? degrees - 180 : degrees,
    text: text.length > maxChars ? `${text.slice(0, Math.max(1, maxChars - 1))}…` : text,
  };
}
