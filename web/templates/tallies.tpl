{{%AUTOESCAPE context="HTML"}}{{#ITEM}}{{>TALLY}}{{/ITEM}}
<div id="live" hx-swap-oob="true"{{#LIVE}} hx-get="/meetings/{{ID}}/tally?version={{VERSION}}" hx-trigger="every 4s" hx-swap="none"{{/LIVE}}></div>
