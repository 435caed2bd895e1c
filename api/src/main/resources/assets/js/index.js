// Product list: loads /api/products and adds to the localStorage cart.
import { getProducts } from './api.js';
import { MAX_QTY, addToCart, bindCartBadge, getQuantity, onCartChange } from './cart.js';
import { announce, h, setError, srOnly, withImageFallback } from './dom.js';
import { formatCents, toCents } from './money.js';

const grid = document.getElementById('products');
const status = document.getElementById('status');
const errorRegion = document.querySelector('[data-testid="error"]');
const retry = document.getElementById('retry');

/** product id → {product, addButton, inCart} */
const cards = new Map();

function productCard(product) {
  let cents = null;
  try {
    cents = toCents(product.price);
  } catch {
    cents = null;
  }
  const nameId = `product-name-${product.id}`;
  const inCart = h('p', { class: 'in-cart', id: `in-cart-${product.id}` });
  const addButton = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-primary',
      'data-testid': `add-${product.id}`,
      'aria-describedby': inCart.id,
      disabled: cents === null,
      onclick: () => add(product),
    },
    h('span', { class: 'add-label', text: 'Add to cart' }),
    srOnly(`: ${product.name}`),
  );
  const card = h(
    'li',
    { class: 'product-card', 'data-testid': `product-${product.id}`, 'aria-labelledby': nameId },
    h(
      'div',
      { class: 'product-media' },
      withImageFallback(
        h('img', { src: product.imageUrl || '/images/placeholder.svg', alt: '', width: 200, height: 200, loading: 'lazy', decoding: 'async' }),
      ),
    ),
    h(
      'div',
      { class: 'product-body' },
      h('h2', { class: 'product-name', id: nameId, text: product.name }),
      product.description ? h('p', { class: 'product-description', text: product.description }) : null,
      h(
        'div',
        { class: 'product-footer' },
        h('p', { class: 'price', text: cents === null ? 'Price unavailable' : formatCents(cents) }),
        addButton,
      ),
      inCart,
    ),
  );
  cards.set(product.id, { product, addButton, inCart, purchasable: cents !== null });
  return card;
}

function updateCards() {
  for (const [id, { addButton, inCart, purchasable }] of cards) {
    const quantity = getQuantity(id);
    inCart.textContent = quantity > 0 ? `${quantity} in your cart` : '';
    inCart.classList.toggle('is-visible', quantity > 0);
    const full = quantity >= MAX_QTY;
    addButton.disabled = !purchasable || full;
    addButton.querySelector('.add-label').textContent = full ? `Limit ${MAX_QTY} reached` : 'Add to cart';
  }
}

function add(product) {
  const before = getQuantity(product.id);
  const quantity = addToCart(product.id);
  if (quantity === before) {
    announce(`You already have the maximum of ${MAX_QTY} ${product.name} in your cart.`);
  } else {
    announce(`Added ${product.name} to your cart. ${quantity} in your cart.`);
  }
}

function isProduct(value) {
  return value && Number.isSafeInteger(value.id) && value.id > 0 && typeof value.name === 'string';
}

async function load() {
  setError(errorRegion, '');
  retry.hidden = true;
  status.textContent = 'Loading products…';
  grid.setAttribute('aria-busy', 'true');
  try {
    const products = await getProducts();
    const list = Array.isArray(products) ? products.filter(isProduct) : [];
    cards.clear();
    grid.replaceChildren(...list.map(productCard));
    updateCards();
    status.textContent = list.length === 0 ? 'No products are available right now. Please check back soon.' : '';
  } catch (error) {
    status.textContent = '';
    setError(errorRegion, `Sorry, we couldn't load the products. ${error.message}`);
    retry.hidden = false;
  } finally {
    grid.removeAttribute('aria-busy');
  }
}

bindCartBadge();
onCartChange(updateCards);
retry.addEventListener('click', load);
load();
