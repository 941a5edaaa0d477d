// Results of matching and ranking: what a customer is offered and what a clerk is shown.
import { z } from 'zod';
import { Id, IsoTime, Uuid } from './common.ts';
import { DesireLevel, PaymentMethod, RankingMode } from './customers.ts';

export const MatchReason = z.enum(['code', 'name', 'keyword', 'similar_name']);
export const ShopOffer = z.object({
  shopId: Id,
  shopName: z.string(),
  floorId: Id,
  floorName: z.string(),
  nodeId: Id,
  /** Walking metres from the customer's current location; null while the location is unknown. */
  distance: z.number().nullable(),
  wantId: Uuid,
  stockId: Uuid,
  productCode: z.string(),
  productName: z.string(),
  price: z.number(),
  quantity: z.number().int(),
  reason: MatchReason,
  /** 0..1: how well the stock matches the want (1 = same product). */
  score: z.number(),
});
export const ShopList = z.object({
  customerId: Uuid,
  mode: RankingMode,
  locationNodeId: Id.nullable(),
  offers: z.array(ShopOffer),
  computedAt: IsoTime,
});
export const CustomerCard = z.object({
  customerId: Uuid,
  shopId: Id,
  faceJpegBase64: z.string().nullable(),
  wants: z.array(z.object({
    wantId: Uuid,
    productName: z.string(),
    desireLevel: DesireLevel,
    paymentMethod: PaymentMethod,
    stockId: Uuid,
    reason: MatchReason,
  })).min(1),
  distance: z.number().nullable(),
  locationNodeId: Id.nullable(),
  arrivedAt: IsoTime,
});
export type MatchReason = z.infer<typeof MatchReason>;
export type ShopOffer = z.infer<typeof ShopOffer>;
export type ShopList = z.infer<typeof ShopList>;
export type CustomerCard = z.infer<typeof CustomerCard>;
