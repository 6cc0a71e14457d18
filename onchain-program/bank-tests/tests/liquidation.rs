//! Permissionless liquidation by a third party after a mark move, in a real bank.

use perp_risk_bank_tests::*;
use solana_sdk::signer::Signer;

#[tokio::test]
async fn a_third_party_liquidates_an_isolated_position_below_maintenance() {
    let mut world = World::new().await;
    // Victim: isolated long 1 BTC at 50,000, 10x (wallet 5,000). Liquidator: a cross position account.
    let victim = world.funded_user(10_000).await;
    let liquidator = world.funded_user(10_000).await;
    world.create_position(&victim, BTC, position::ISOLATED, 10).await.expect("victim position");
    world.create_position(&liquidator, BTC, position::CROSS, 20).await.expect("liquidator position");
    world.trade(&victim, BTC, UNIT, 50_000 * PRICE).await.expect("victim long");
    let fees_before = world.market(BTC).await.fee_pool;

    // At 45,200 equity 200 >= maintenance 180.8: not yet.
    world.set_mark(BTC, 45_200 * PRICE).await.expect("mark");
    assert_eq!(world.liquidate(&liquidator, &victim, BTC).await.unwrap_err().code(), err::NOT_LIQUIDATABLE);

    // At 45,100 equity 100 < 180.4: the liquidator (signing only for itself) takes it at the bankruptcy price.
    world.set_mark(BTC, 45_100 * PRICE).await.expect("mark");
    let victim_collateral = world.margin(&victim).await.collateral;
    let ok = world.liquidate(&liquidator, &victim, BTC).await.expect("liquidated");

    let bankruptcy = 45_000 * PRICE; // entry - wallet / size
    let v = world.position(&victim, BTC).await;
    assert_eq!((v.size, v.state, v.isolated_margin, v.realized_pnl), (0, position::LIQUIDATED, 0, -5_000 * USDC));
    assert_eq!(world.margin(&victim).await.collateral, victim_collateral, "the wallet is used up, the collateral untouched");
    let l = world.position(&liquidator, BTC).await;
    assert_eq!((l.size, l.entry_price), (UNIT, bankruptcy));
    let fee = 225 * USDC; // 0.5% of 45,000
    assert_eq!(world.margin(&liquidator).await.collateral, 10_000 * USDC - fee);
    let market = world.market(BTC).await;
    assert_eq!((market.insurance_fund, market.open_interest_long, market.open_interest_short), (fee, UNIT, 0));
    assert_eq!(market.fee_pool, fees_before, "the liquidation fee goes to the insurance fund, not the fee pool");

    assert_eq!(ok.events.len(), 3);
    assert_eq!((ok.events[0][0], ok.events[0][68]), (event::POSITION_CHANGED, 8), "victim: LIQUIDATED");
    assert_eq!((ok.events[1][0], ok.events[1][68]), (event::POSITION_CHANGED, 1), "liquidator: OPENED");
    let e = &ok.events[2];
    assert_eq!((e[0], e.len()), (event::LIQUIDATED, 124));
    assert_eq!(&e[4..36], victim.wallet.pubkey().as_ref());
    assert_eq!(&e[36..68], liquidator.wallet.pubkey().as_ref());
    assert_eq!((event_i64(e, 68), event_i64(e, 76), event_i64(e, 84), event_i64(e, 92)), (UNIT, bankruptcy, 45_100 * PRICE, fee));

    // The vault never moved: liquidation is bookkeeping between margin accounts.
    assert_eq!(world.token_balance(&world.vault.clone()).await, 20_000 * USDC as u64);
}

#[tokio::test]
async fn liquidation_rejections_in_the_bank() {
    let mut world = World::new().await;
    let victim = world.funded_user(10_000).await;
    let liquidator = world.funded_user(10_000).await;
    world.create_position(&victim, BTC, position::ISOLATED, 10).await.expect("victim position");
    world.create_position(&liquidator, BTC, position::CROSS, 20).await.expect("liquidator position");
    world.trade(&victim, BTC, UNIT, 50_000 * PRICE).await.expect("victim long");
    world.set_mark(BTC, 45_100 * PRICE).await.expect("mark");

    // The victim cannot liquidate itself.
    assert_eq!(world.liquidate(&victim, &victim, BTC).await.unwrap_err().code(), err::SELF_LIQUIDATION);

    // After the mark goes stale, nobody can liquidate at it.
    let mark_slot = world.market(BTC).await.mark_slot;
    world.ctx.warp_to_slot(mark_slot + STALENESS + 1).expect("warp");
    assert_eq!(world.liquidate(&liquidator, &victim, BTC).await.unwrap_err().code(), err::STALE_ORACLE);
    assert_eq!(world.position(&victim, BTC).await.size, UNIT);
}
