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
    // The bank's Rent sysvar (SIMD-0194 layout: 6960 lamports per byte, threshold 1.0), as pinocchio reads it.
    assert_eq!(world.lamports(&world.exchange.clone()).await, rent.minimum_balance(112), "exchange account rent-exempt");
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

    // A margin account at another owner's PDA, or at an address that is no PDA at all.
    let someone = solana_sdk::signature::Keypair::new();
    fund(&mut world.ctx, &someone.pubkey(), 1_000_000_000).await;
    let elsewhere = pda(&[b"margin", solana_sdk::signature::Keypair::new().pubkey().as_ref()]);
    for target in [elsewhere, solana_sdk::signature::Keypair::new().pubkey()] {
        let ix = solana_instruction::Instruction {
            program_id: PROGRAM_ID,
            accounts: vec![ws(someone.pubkey()), w(target), r(system_program()), r(rent_id())],
            data: vec![tag::CREATE_MARGIN_ACCOUNT],
        };
        assert_eq!(world.send(&[ix], &[&someone]).await.unwrap_err().code(), err::WRONG_PROGRAM_ADDRESS);
        assert_eq!(world.lamports(&target).await, 0, "nothing created");
    }
}

#[tokio::test]
async fn the_bank_verifies_signatures() {
    let mut world = World::new().await;
    let user = world.user(100 * USDC as u64).await;
    advance(&mut world.ctx, 1).await;
    let ix = world.deposit_ix(&user, USDC as u64);
    let payer = world.ctx.payer.insecure_clone();
    let mut tx = solana_transaction::Transaction::new_signed_with_payer(
        &[ix],
        Some(&payer.pubkey()),
        &[&payer, &user.wallet],
        world.ctx.last_blockhash,
    );
    // The owner's signature replaced by one over other bytes.
    tx.signatures[1] = user.wallet.sign_message(b"something else");
    let refused = send_transaction(&mut world.ctx, tx).await.unwrap_err();
    assert_eq!(refused.error, solana_transaction::TransactionError::SignatureFailure);
    assert_eq!(world.margin(&user).await.collateral, 0);
    assert_eq!(world.token_balance(&user.tokens.clone()).await, 100 * USDC as u64);
}
