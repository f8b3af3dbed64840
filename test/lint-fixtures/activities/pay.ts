export async function pay(fen: number): Promise<void> {
  await Promise.resolve(fen);
}
