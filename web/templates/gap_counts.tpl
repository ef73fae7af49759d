{{%AUTOESCAPE context="HTML"}}{{#FULL_PAGE}}<p class="muted"><a href="/gaps">خلأها</a></p>
<h1>شمار خلأها در هر وضعیت</h1>{{/FULL_PAGE}}
<nav class="state-counts" aria-label="شمار خلأها در هر وضعیت">
<ul>
<li><a href="{{ALL_LINK}}"{{#ALL_CURRENT}} aria-current="true"{{/ALL_CURRENT}}>همه وضعیت‌ها</a></li>
{{#STATE_COUNT}}<li{{#ZERO}} class="zero"{{/ZERO}}><a href="{{LINK}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{LABEL}} <span class="count">{{COUNT}}</span></a></li>{{/STATE_COUNT}}
</ul>
</nav>
