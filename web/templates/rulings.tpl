{{%AUTOESCAPE context="HTML"}}<h1>آرای دادگاه‌ها</h1>
<p>{{#MAY_REGISTER}}<a class="button" href="/rulings/new">ثبت رأی تازه</a> {{/MAY_REGISTER}}<a href="/conflicts">آرای متعارض</a> · <a href="/precedents">درخواست‌های رأی وحدت رویه</a></p>
<form class="panel filters" method="get" action="/rulings" role="search">
<div class="wide"><label for="f-provision">ماده قانونی <span class="hint">مانند «قانون شهرداری — ماده ۱۰۰»</span></label><input type="text" id="f-provision" name="provision" value="{{Q_PROVISION}}"></div>
<div><label for="f-court">دادگاه</label><input type="text" id="f-court" name="court" value="{{Q_COURT}}"></div>
<div><label for="f-outcome">نتیجه</label><select id="f-outcome" name="outcome"><option value="">همه</option>{{#OUTCOME_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OUTCOME_CHOICE}}</select></div>
<div><label for="f-municipality">شهر</label><select id="f-municipality" name="municipality"><option value="">همه</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select></div>
<div><label for="f-from">از تاریخ</label><input type="text" data-jdp id="f-from" name="from" value="{{Q_FROM}}" placeholder="۱۴۰۵-۰۱-۰۱"></div>
<div><label for="f-to">تا تاریخ</label><input type="text" data-jdp id="f-to" name="to" value="{{Q_TO}}" placeholder="۱۴۰۵-۱۲-۲۹"></div>
<div><button type="submit">نمایش</button></div>
</form>
{{#EMPTY}}<p class="panel">رأیی با این شرایط پیدا نشد.</p>{{/EMPTY}}
<table class="rows">
<caption class="muted">فهرست آرا</caption>
<thead><tr><th scope="col">دادگاه و دادنامه</th><th scope="col">تاریخ</th><th scope="col">شهر</th><th scope="col">نتیجه</th><th scope="col">مواد قانونی</th></tr></thead>
<tbody>
{{#RULING}}<tr>
<td><a href="/rulings/{{ID}}"><strong>{{COURT}}</strong>{{#BRANCH}} — {{BRANCH_NAME}}{{/BRANCH}}، دادنامه <bdi>{{NUMBER}}</bdi></a><br><span class="muted">{{SUMMARY}}</span></td>
<td data-label="تاریخ">{{DECIDED_ON}}</td>
<td data-label="شهر">{{CITY}}</td>
<td data-label="نتیجه"><span class="outcome-{{OUTCOME}}">{{OUTCOME_LABEL}}</span>{{#BINDING}} <span class="tag binding">وحدت رویه</span>{{/BINDING}}</td>
<td data-label="مواد">{{#PROVISION}}<a href="{{LINK}}">{{LAW}} — <bdi>{{ARTICLE}}</bdi></a><br>{{/PROVISION}}</td>
</tr>{{/RULING}}
</tbody>
</table>
