// Processes one order: express shipping costs more and arrives sooner.
export const handler = async (event) => {
  const { order, shipping } = event;
  const express = shipping === 'express';
  return {
    orderId: order.orderId,
    shipping,
    days: express ? 1 : 5,
    costCents: order.items * (express ? 900 : 300),
  };
};
