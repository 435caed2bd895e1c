// The page for an address the shop does not have: only the header's cart badge is live.
import { bindCartBadge } from './cart.js';

bindCartBadge();
