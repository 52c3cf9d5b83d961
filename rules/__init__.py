"""Built-in rule packs (data). Shipped inside the wheel as dokumentanalys.rules."""
