//! Exchange, market, margin account and collateral in a real bank: the collateral mint and token accounts are
//! made by the real SPL Token program, deposits and withdrawals move real tokens through it.

use perp_risk_bank_tests::*;
use solana_sdk::signer::Signer;

#[tokio::test]
async fn exchange_market_and_margin_account_are_created_by_the_program_in_the_bank() {
    let mut world = World::bare().await;
    let ok = world.initialize_exchange().await.expect("exchange");
    assert_eq!(world.owner(&world.exchange.clone()).await, PROGRAM_ID);
    let exchange = world.data(&world.exchange.clone()).await;
    assert_eq!((exchange.len(), exchange[0], exchange[1]), (112, 1, 1));
    assert_eq!(&exchange[8..40], world.admin.pubkey().as_ref());
    assert_eq!(&exchange[40..72], world.mint.as_ref());
    assert_eq!(&exchange[72..104], world.vault.as_ref());
    let rent = world.ctx.banks_client.get_rent().await.expect("rent");
    assert!(rent.is_exempt(world.lamports(&world.exchange.clone()).await, 112), "exchange account rent-exempt");
    assert_eq!(ok.events.len(), 1);
    assert_eq!((ok.events[0][0], ok.events[0].len()), (event::EXCHANGE_INITIALIZED, 98));

    let params = Params::btc(world.oracle.pubkey(), world.filler.pubkey());
    world.initialize_market(BTC, &params).await.expect("market");
    let market = world.market(BTC).await;
    assert_eq!((market.market_id, market.mark_price, market.open_interest_long), (BTC, 0, 0));

    let user = world.user(1_000 * USDC as u64).await;
    let margin = world.margin(&user).await;
    assert_eq!((margin.owner, margin.collateral), (user.wallet.pubkey(), 0));
    assert_eq!(world.owner(&user.margin).await, PROGRAM_ID);
}
