import type { Schemas } from '@/lib/api/types';

export type Dashboard = Schemas['Dashboard'];
export type CategorySlice = Dashboard['categoryBreakdown'][number];
export type TopMover = Dashboard['topMovers'][number];
export type SlowMover = Dashboard['slowMovers'][number];
export type TrendDay = Dashboard['salesTrend'][number];
